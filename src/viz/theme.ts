/** Colours of the annotated style, per theme. Chosen for contrast >= 4.5:1 of text on fill. */
export interface Theme {
  background: string;
  text: string;
  muted: string;
  edge: string;
  leafFill: string;
  leafBorder: string;
  opFill: string;
  opBorder: string;
  outputFill: string;
  outputBorder: string;
  savedFill: string;
  savedBorder: string;
  gradText: string;
  gradFill: string;
  nanText: string;
  nanFill: string;
  zeroText: string;
  zeroFill: string;
  noteFill: string;
  errorText: string;
}

export const LIGHT: Theme = {
  background: '#ffffff',
  text: '#111827',
  muted: '#4b5563',
  edge: '#4b5563',
  leafFill: '#dbeafe',
  leafBorder: '#2563eb',
  opFill: '#f3f4f6',
  opBorder: '#6b7280',
  outputFill: '#dcfce7',
  outputBorder: '#15803d',
  savedFill: '#ffedd5',
  savedBorder: '#ea580c',
  gradText: '#9a3412',
  gradFill: '#fff7ed',
  nanText: '#ffffff',
  nanFill: '#dc2626',
  zeroText: '#713f12',
  zeroFill: '#fde047',
  noteFill: '#fefce8',
  errorText: '#b91c1c',
};

export const DARK: Theme = {
  background: '#0f172a',
  text: '#f1f5f9',
  muted: '#cbd5e1',
  edge: '#94a3b8',
  leafFill: '#1e3a8a',
  leafBorder: '#93c5fd',
  opFill: '#1e293b',
  opBorder: '#94a3b8',
  outputFill: '#14532d',
  outputBorder: '#4ade80',
  savedFill: '#7c2d12',
  savedBorder: '#fdba74',
  gradText: '#fdba74',
  gradFill: '#292524',
  nanText: '#ffffff',
  nanFill: '#b91c1c',
  zeroText: '#1c1917',
  zeroFill: '#facc15',
  noteFill: '#334155',
  errorText: '#fca5a5',
};

export function themeOf(name: 'light' | 'dark' | undefined): Theme {
  return name === 'dark' ? DARK : LIGHT;
}
