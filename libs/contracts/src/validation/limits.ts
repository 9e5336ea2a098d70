/**
 * Input limits shared by every request DTO and the event contracts built from them. docs/security.md
 * ("Quy tắc dữ liệu đầu vào") states them for clients; change both together.
 */
export const INPUT_LIMITS = {
  /** Ids and codes: unit, campaign, dossier, council, case, member, field, award ids. */
  idMaxLength: 128,
  /** One-line text: names, titles, labels, document numbers, signers. */
  lineMaxLength: 500,
  /** Multi-line free text: summaries, narratives, reasons, notes, rules, comments. */
  textMaxLength: 20_000,
  /** Elements of any list in a body (authors, members, criteria, unit ids...). */
  listMaxItems: 200,
  /** Years (campaign editions, reports) and the years of dates. */
  minYear: 1945,
  maxYear: 2100,
} as const;
