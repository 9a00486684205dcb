/**
 * What the measurement reads in the page, run in Chromium: the card is parsed and rendered by
 * Microsoft's Adaptive Cards renderer; then its height, where its first step ends, which button
 * titles are cut off, and every warning the renderer raised.
 */

export interface PageFigures {
  height: number;
  /** Bottom edge of the first step, from the card's top; `null` when the card has none. */
  firstStepBottom: number | null;
  /**
   * Button titles and text blocks whose text doesn't fit their width: in the first state, and with
   * each fold and the "More" card opened.
   */
  truncated: string[];
  warnings: string[];
  /** Each fold button: whether clicking it showed or hid sections, and the card's height then. */
  folds: { title: string; toggled: boolean; height: number }[];
}

/** The little of the DOM this uses: the project compiles without the DOM library. */
interface PageElement {
  id: string;
  innerHTML: string;
  textContent: string | null;
  offsetParent: unknown;
  scrollWidth: number;
  clientWidth: number;
  style: { display: string };
  getBoundingClientRect(): { top: number; bottom: number; height: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  appendChild(child: unknown): void;
  click(): void;
}

/** Rendered in the page by `page.evaluate`; everything it uses must be inside it. */
export function renderAndMeasure(args: { card: unknown; hostConfig: unknown }): PageFigures {
  const page = globalThis as unknown as {
    document: { getElementById(id: string): PageElement | null };
    // biome-ignore lint/suspicious/noExplicitAny: the renderer's UMD bundle is a page global.
    AdaptiveCards: any;
  };
  const AC = page.AdaptiveCards;
  const document = page.document;
  const host = document.getElementById('card') as PageElement;
  host.innerHTML = '';
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(args.hostConfig);
  const context = new AC.SerializationContext();
  card.parse(args.card, context);
  const warnings: string[] = [];
  for (let index = 0; index < context.eventCount; index++) warnings.push(context.getEventAt(index).message);
  for (const event of card.validateProperties().validationEvents) warnings.push(event.message);
  host.appendChild(card.render());

  const cardTop = host.getBoundingClientRect().top;
  const height = () => Math.round(host.getBoundingClientRect().height);
  const firstStep = document.getElementById('t0-first');
  const firstStepBottom = firstStep ? Math.round(firstStep.getBoundingClientRect().bottom - cardTop) : null;
  const cutOff = (element: PageElement) => element.scrollWidth > element.clientWidth + 1;
  const visible = (selector: string) =>
    [...host.querySelectorAll(selector)].filter((element) => element.offsetParent !== null);
  const cutOffNow = () =>
    [
      ...visible('.ac-pushButton').map((button) => button.querySelector('div') ?? button),
      ...visible('.ac-textBlock, .ac-richTextBlock'),
    ]
      .filter(cutOff)
      .map((element) => element.textContent ?? '');
  const truncated = new Set(cutOffNow());
  const firstHeight = height();

  // Each fold button, clicked and clicked again: its sections must show or hide where they are.
  const shown = () =>
    [...host.querySelectorAll('.ac-container[id]')].map((c) => c.style.display !== 'none').join();
  const foldRow = document.getElementById('folds');
  const folds = [...(foldRow?.querySelectorAll('.ac-pushButton') ?? [])].map((button) => {
    const before = shown();
    button.click();
    const toggled = shown() !== before;
    const clickedHeight = height();
    for (const text of cutOffNow()) truncated.add(text);
    button.click();
    return { title: button.textContent ?? '', toggled, height: clickedHeight };
  });
  // The card's own "More" (a show-card button), opened.
  for (const button of visible('.ac-pushButton[aria-expanded]')) {
    button.click();
    for (const text of cutOffNow()) truncated.add(text);
    button.click();
  }
  return { height: firstHeight, firstStepBottom, truncated: [...truncated], warnings, folds };
}
