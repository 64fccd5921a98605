// A parsed file of one short article, for store tests that need a document to annotate.
import type { ParsedFile } from '../../../src-shared/model';

export const oneArticleFile: ParsedFile = {
  file: 'a.txt',
  format: 'text',
  encoding: 'utf-8',
  articles: [
    {
      title: 'Title',
      caption: null,
      credit: null,
      author: null,
      published: null,
      direction: 'ltr',
      blocks: [{ kind: 'paragraph', text: 'The mayor said the budget doubled.' }],
      contentHash: 'doc',
    },
  ],
};
