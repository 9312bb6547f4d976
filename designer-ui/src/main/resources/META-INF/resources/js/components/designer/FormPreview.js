// The designer's Preview: the form as a user will fill it in, from the definition being designed (saved or not),
// with test data to start from and the record it makes shown beside it. RecordForm computes the formulas live;
// offline, since an unpublished form has no records, lookups or files to fetch.
import { ref, watch } from 'vue';
import { t, locale } from '../../i18n.js';
import { sampleRecord } from '../../designer/sampleRecord.js';
import RecordForm from '../RecordForm.js';

export default {
  name: 'FormPreview',
  components: { RecordForm },
  props: { definition: { type: Object, required: true }, app: { type: String, required: true } },
  setup(props) {
    const record = ref({});
    const fill = () => {
      record.value = sampleRecord(props.definition, locale.value);
    };
    const clear = () => {
      record.value = {};
    };
    fill();
    // A field removed in the designer leaves the preview's record too.
    watch(() => props.definition.fields.map(field => field.key).join(), () => {
      const keys = new Set(props.definition.fields.map(field => field.key));
      record.value = Object.fromEntries(Object.entries(record.value).filter(([key]) => keys.has(key)));
    });
    return { t, record, fill, clear };
  },
  template: /* html */ `
    <div class="designer-preview" data-test="preview">
      <div class="preview-sheet">
        <div class="preview-toolbar">
          <strong>{{ t('design.previewTitle') }}</strong>
          <span class="muted small">{{ t('design.previewIntro') }}</span>
          <span class="preview-actions">
            <button type="button" class="button button-small" data-test="fill-test-data" @click="fill">{{ t('design.fillTestData') }}</button>
            <button type="button" class="button button-small button-ghost" data-test="clear-test-data" @click="clear">{{ t('design.clearTestData') }}</button>
          </span>
        </div>
        <div class="panel preview-form">
          <RecordForm :form="definition" v-model="record" :app="app" offline />
        </div>
      </div>
      <aside class="preview-record">
        <h3>{{ t('design.previewRecord') }}</h3>
        <pre data-test="preview-record">{{ JSON.stringify(record, null, 2) }}</pre>
      </aside>
    </div>`,
};
