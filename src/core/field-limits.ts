// The lengths of text fields, apart from fields.ts's zod primitives (which re-exports them): modules on
// `hearback list`'s path take them from here and load no zod (issue 12, item 11).
export const limits = {
  name: 200,
  title: 500,
  shortText: 2_000,
  notes: 100_000,
  document: 500_000,
  url: 2_048,
  tag: 64,
  tags: 50,
  industry: 100,
} as const;
