// One drop target of the form designer (the palette, a tab's sections, a section's rows, a row's cells, a
// sub-table's columns), with SortableJS on its element. SortableJS moves elements in the DOM while dragging;
// on drop the element goes back where Vue put it and the designer changes its model instead, so Vue stays the
// only author of the DOM. Items are the children with class `dz-item`, described by `data-kind` (field type or
// row/section/tabs) and `data-role` (palette, single, row, cell, column, section).
//
// SortableJS runs in its fallback mode (pointer events, not HTML5 drag and drop): it behaves the same in every
// browser, and WebDriver can drive it with ordinary pointer actions.
import { ref, inject, onMounted, onBeforeUnmount } from 'vue';
import Sortable from 'sortablejs';
import { accepts } from '../../designer/formTree.js';

/** Every mounted list by element, so a drop can find the model arrays it came from and went to. */
const LISTS = new WeakMap();

function othersIn(el, dragged) {
  return [...el.children].filter(child => child.classList.contains('dz-item') && child !== dragged).length;
}

export default {
  name: 'SortableList',
  props: {
    kind: { type: String, required: true },
    items: { type: Array, required: true },
    tag: { type: String, default: 'div' },
    horizontal: Boolean,
  },
  setup(props) {
    const root = ref(null);
    const designer = inject('designer');
    let sortable = null;
    let origin = null;

    onMounted(() => {
      LISTS.set(root.value, () => ({ kind: props.kind, items: props.items }));
      const palette = props.kind === 'palette';
      sortable = Sortable.create(root.value, {
        group: palette
          ? { name: 'form', pull: 'clone', put: false }
          : {
            name: 'form',
            put: (to, from, dragged) => accepts({ kind: props.kind, items: props.items }, dragged.dataset.kind,
              dragged.dataset.role, othersIn(to.el, dragged)),
          },
        sort: !palette,
        draggable: '.dz-item',
        handle: props.kind === 'rows' || props.kind === 'sections' ? '.dz-grip' : undefined,
        filter: palette ? undefined : '.node-tools, input, select, textarea',
        preventOnFilter: false,
        direction: props.horizontal ? 'horizontal' : 'vertical',
        forceFallback: true,
        fallbackOnBody: true,
        fallbackTolerance: 4,
        animation: 120,
        swapThreshold: 0.6,
        emptyInsertThreshold: 16,
        ghostClass: 'dz-ghost',
        chosenClass: 'dz-chosen',
        fallbackClass: 'dz-fallback',
        onStart(event) {
          origin = { parent: event.item.parentNode, next: event.item.nextSibling };
          designer.dragging.value = true;
        },
        onEnd(event) {
          designer.dragging.value = false;
          if (event.pullMode === 'clone' && event.clone.parentNode) event.clone.remove();
          origin.parent.insertBefore(event.item, origin.next);
          const from = LISTS.get(event.from)?.();
          const to = LISTS.get(event.to)?.();
          if (!from || !to || (event.from === event.to && event.oldDraggableIndex === event.newDraggableIndex)) return;
          designer.dropped(from, event.oldDraggableIndex, to, event.newDraggableIndex, event.item.dataset.kind);
        },
      });
    });
    onBeforeUnmount(() => sortable?.destroy());
    return { root };
  },
  template: /* html */ `<component :is="tag" ref="root" class="dz-list" :class="'dz-' + kind" :data-list="kind"><slot></slot></component>`,
};
