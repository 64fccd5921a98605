// @vitest-environment jsdom
// The search results list: each hit shows its label, quote, verdict and claimant, and the query
// syntax is listed above the results.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SearchResults } from '../../../src-renderer/src/components/SearchResults';
import { DEFAULT_LABELS } from '../../../src-shared/labels';
import type { SourceRecord } from '../../../src-shared/model';
import { annotationRecord, quoteAt } from '../anchoring/annotation-record';

const peskov: SourceRecord = {
  id: 'src-peskov',
  name: 'Dmitry Peskov',
  kind: 'person',
  aliases: [],
  url: null,
  reliabilityNote: '',
};

describe('SearchResults', () => {
  it('shows each hit’s verdict and claimant, and lists the search syntax', () => {
    const rated = annotationRecord('a1', 'doc', quoteAt('Russia has not officially responded', 0), {
      verdict: 'mostly-false',
      claimantId: 'src-peskov',
    });
    const unrated = annotationRecord('a2', 'doc', quoteAt('boycotting the upcoming elections', 100), {
      labelId: 'statistic',
    });
    const container = document.createElement('div');
    container.innerHTML = renderToStaticMarkup(
      <SearchResults
        groups={[{ documentId: 'doc', title: 'Putin’s message', hits: [rated, unrated] }]}
        labels={new Map(DEFAULT_LABELS.map((l) => [l.id, l]))}
        sources={[peskov]}
        onOpen={() => undefined}
      />,
    );
    const hits = [...container.querySelectorAll('.cd-search-hit')].map((b) => b.textContent);
    expect(hits).toEqual([
      'Claim Russia has not officially respondedMostly false · Dmitry Peskov',
      'Statistic boycotting the upcoming electionsNot rated',
    ]);
    const help = container.querySelector('details.cd-search-help');
    expect(help?.querySelector('summary')?.textContent).toBe('Search syntax');
    const forms = [...(help?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent);
    expect(forms).toEqual(['words', '"a phrase"', 'label:claim', '-word  -label:quote', 'a OR b']);
  });
});
