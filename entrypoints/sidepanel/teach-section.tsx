/** "Teach this page" for pages no rule can read; its owner fills it in. Renders nothing until then. */
export function TeachSection(_props: { tabId: number }) {
  return null;
}
