// What happened in a workflow, oldest first: who did what (in words), at which step, when, how long the step had
// waited, their comment and attachments.
import { t, formatDate } from '../../i18n.js';
import { timelineSentence, humanDuration, userName } from '../../flow.js';

export default {
  name: 'FlowTimeline',
  props: { entries: { type: Array, default: () => [] } },
  setup() {
    const initial = entry => (entry.actor ? userName(entry.actor) : t('flow.system')).trim().slice(0, 1).toUpperCase();
    const took = entry => {
      const duration = humanDuration(entry.durationMs, t);
      return duration ? t('flow.took', { duration }) : '';
    };
    const sentence = entry => timelineSentence(entry, t);
    const tone = entry => ({ approve: 'ok', auto_approve: 'ok', reject: 'bad', auto_reject: 'bad', return: 'warn',
      withdraw: 'off' })[entry.action] || 'info';
    return { t, formatDate, initial, took, sentence, tone };
  },
  template: /* html */ `
    <ol class="flow-timeline" data-test="timeline">
      <li v-for="(entry, i) in entries" :key="i" class="flow-entry" :class="'entry-' + tone(entry)" data-test="timeline-entry" :data-action="entry.action">
        <span class="flow-entry-dot" aria-hidden="true">{{ initial(entry) }}</span>
        <div class="flow-entry-body">
          <div class="flow-entry-head">
            <strong class="flow-entry-sentence">{{ sentence(entry) }}</strong>
            <span v-if="entry.node" class="chip">{{ entry.node.name || entry.node.id }}</span>
          </div>
          <div class="muted small">{{ formatDate(entry.at) }}<template v-if="took(entry)"> · {{ took(entry) }}</template></div>
          <p v-if="entry.comment" class="flow-comment" data-test="timeline-comment">{{ entry.comment }}</p>
          <div v-if="entry.attachments && entry.attachments.length" class="file-list">
            <a v-for="file in entry.attachments" :key="file.id" class="file-chip" :href="'/api/flow/attachments/' + encodeURIComponent(file.id)"
               target="_blank" rel="noopener">{{ file.name }}</a>
          </div>
        </div>
      </li>
      <li v-if="!entries.length" class="muted">{{ t('flow.noTimeline') }}</li>
    </ol>`,
};
