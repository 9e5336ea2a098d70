/**
 * Tag colours: dark solid backgrounds with white text, which pass WCAG AA contrast (Ant Design's light
 * preset tags do not). 'default' keeps the neutral tag.
 */
const TONES: Record<string, string | undefined> = {
  success: '#1f6f0b',
  processing: '#0b4ea2',
  warning: '#8a4300',
  error: '#a8071a',
  default: undefined,
};

export function tone(name: string | undefined): string | undefined {
  return name ? (name in TONES ? TONES[name] : name) : undefined;
}
