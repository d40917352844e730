import { Window } from 'happy-dom';

/**
 * Parses saved HTML into a DOM in Node (the CLI and unit tests), with scripts and network off:
 * a saved portal page is data, and nothing in it runs or fetches.
 */
export function parseHtml(html: string, url = 'https://example.invalid/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableMainFrameNavigation: true,
      },
    } as never,
  });
  const doc = window.document as unknown as Document;
  doc.write(html);
  return doc;
}
