/**
 * Every element of a mark needs words of its own (CURATING.md, "A leg's words" and "A date's words"). These rules
 * say, for one anchored claim or leg, which element rests on no words: an end its quote does not name and no
 * context names, an end declared unstated that the quote does name, a period no quote dates. Pure: the loader
 * anchors the quotes and turns each problem into an error at the field's line.
 */
import { findMentions } from './mentions.ts';
import { spanIndexAt } from './offsets.ts';
import type { ContextPassage, Period } from '../atlas/contract.ts';
import type { LegRecord, PlaceRecord } from './types.ts';

/** A problem with one field of a record: the path below the record, for the line, and what to write instead. */
export interface RuleProblem {
  field: Array<string | number>;
  message: string;
}

/** A quote as anchored in its document, with the paragraph it starts in (0-based). */
export interface AnchoredText extends ContextPassage {
  paragraph: number;
}

/** True when the text names the place by its name or an alias, as a whole word ("Cuba", not "Cuban"). */
export function namesPlace(text: string, place: Pick<PlaceRecord, 'id' | 'name' | 'aliases'>): boolean {
  return findMentions(text, [{ ...place, aliases: place.aliases ?? [] } as PlaceRecord]).length > 0;
}

const spelled = (place: Pick<PlaceRecord, 'name' | 'aliases'>) =>
  [place.name, ...(place.aliases ?? [])].map((n) => `"${n}"`).join(' or ');

/**
 * Whether each end of a leg has words of its own: named in the leg's quote, or listed under `unstated` and named
 * by one of its context quotes. Also refuses fields that contradict each other (a line-less step with a direction).
 */
export function legEndProblems(
  leg: Pick<LegRecord, 'unstated' | 'direction' | 'together' | 'within' | 'branch'>,
  ends: { from: PlaceRecord; to: PlaceRecord },
  quote: string,
  context: readonly ContextPassage[],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const end of ['from', 'to'] as const) {
    const place = ends[end];
    const declared = leg.unstated?.includes(end) ?? false;
    const inQuote = namesPlace(quote, place);
    if (!declared && !inQuote) {
      problems.push({
        field: [end],
        message:
          `its quote does not name the "${end}" end, "${place.id}" (${spelled(place)}); quote words that name it, ` +
          `or write unstated: [${end}] and a context quote that names it`,
      });
    } else if (declared && inQuote) {
      problems.push({
        field: ['unstated'],
        message: `the "${end}" end, "${place.id}", is listed as unstated but the quote names it; take "${end}" out of unstated`,
      });
    } else if (declared && !context.some((c) => namesPlace(c.exact, place))) {
      problems.push({
        field: context.length ? ['context'] : ['unstated'],
        message:
          `the unstated "${end}" end, "${place.id}", needs a context quote that names it (${spelled(place)}); ` +
          `add context: [{ exact: "…" }] with the words it is read from`,
      });
    }
  }
  const lineless = leg.together ? 'together' : leg.within ? 'within' : undefined;
  if (leg.together && leg.within) {
    problems.push({ field: ['together'], message: 'a leg is either together (two stops named together) or within (a move inside an area), not both' });
  }
  if (lineless && leg.direction) {
    problems.push({
      field: ['direction'],
      message: `a ${lineless} step draws no line, so it has no direction; remove direction: ${leg.direction}`,
    });
  }
  if (leg.together && leg.branch) {
    problems.push({ field: ['branch'], message: 'a together step is one step of its own; remove its branch label' });
  }
  return problems;
}

// Words that date something: a year, a month, or a span counted in time ("over the past three months").
const DATE_WORDS =
  /(?<![\p{L}\p{N}])(?:1[89]\d\d|January|February|March|April|May|June|July|August|September|October|November|December|days?|weeks?|months?|years?)(?![\p{L}\p{N}])/iu;

/** True when the text says when: a year, a month's name, or a span of days, weeks, months or years. */
export const hasDateWords = (text: string) => DATE_WORDS.test(text);

/**
 * Whether a period rests on words: its own quote dates it, or a context quote in the same paragraph does and the
 * note names that context (so a reader sees where the date comes from).
 */
export function periodSourceProblem(
  period: Period | undefined,
  quote: AnchoredText,
  context: readonly AnchoredText[],
  note: string | undefined,
): RuleProblem | undefined {
  if (!period) return undefined;
  if (hasDateWords(quote.exact)) return undefined;
  const dating = context.filter((c) => hasDateWords(c.exact));
  const nearby = dating.filter((c) => c.paragraph === quote.paragraph);
  if (!nearby.length) {
    return {
      field: ['period'],
      message:
        dating.length
          ? `the period's context quote "${dating[0]!.exact}" is in paragraph ${dating[0]!.paragraph + 1}, not in the quote's paragraph ${quote.paragraph + 1}; ` +
            'a date is read only from its own paragraph: quote words there, or remove the period'
          : `the quote gives no date ("${quote.exact}"); add a context quote from the same paragraph (paragraph ${quote.paragraph + 1}) that dates it, or remove the period`,
    };
  }
  if (!nearby.some((c) => note?.includes(c.exact))) {
    return {
      field: ['note'],
      message: `the period is read from the context quote "${nearby[0]!.exact}"; say so in the note, quoting those words`,
    };
  }
  return undefined;
}

/** The paragraph (0-based) that contains a code-point offset of a document's body. */
export const paragraphAt = (paragraphs: ReadonlyArray<{ start: number; end: number }>, offset: number): number => spanIndexAt(paragraphs, offset);
