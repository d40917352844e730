/** Options section placeholder; its owner fills it in. Renders nothing until then. */
export function TaughtRulesSection() {
  return null;
}
