/**
 * The page's own labels in English and Japanese, chosen by the browser's language (the
 * course is taught in Japanese). PyTorch's and Python's messages are never translated:
 * they are shown exactly as the service returns them.
 */
const EN = {
  title: 'gradviz playground',
  tagline: 'Write a PyTorch program, run it, and see its autograd graph.',
  example: 'Example',
  run: 'Run',
  runHint: 'Ctrl+Enter / ⌘+Enter',
  editorLabel: 'Program (Python with PyTorch)',
  output: 'Output',
  noOutput: '(nothing printed)',
  gradients: 'Gradients',
  noGradients: 'No tensor has a gradient yet (call backward()).',
  name: 'Name',
  shape: 'Shape',
  dtype: 'dtype',
  gradient: 'Gradient',
  graph: 'Graph',
  noGraph: 'Nothing to draw: no tensor with a grad_fn.',
  options: 'Drawing options',
  style: 'Style',
  styleAnnotated: 'annotated',
  styleTorchviz: 'torchviz',
  theme: 'Theme',
  themeAuto: 'follow the page',
  themeLight: 'light',
  themeDark: 'dark',
  direction: 'Direction',
  directionTB: 'top to bottom',
  directionLR: 'left to right',
  showValues: 'values',
  showGrads: 'gradients',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Fit',
  graphHelp: 'Drag to pan, wheel or +/− to zoom, arrow keys to move, 0 to fit. Hover or focus a node for its value and gradient.',
  forSlides: 'For slides',
  downloadSvg: 'Download SVG',
  downloadPng: 'Download PNG',
  downloadDot: 'Download DOT',
  imgSnippet: 'HTML <img>',
  mdSnippet: 'Markdown image',
  shareLink: 'Share link',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Select the text and copy it by hand.',
  running: 'Running…',
  drawing: 'Drawing…',
  done: 'Done.',
  failed: 'The program raised an error.',
  requestFailed: 'The service did not answer',
  line: 'line',
  value: 'Value',
  sourceLine: 'Line',
  leaf: 'leaf',
  none: 'none',
  node: 'Node',
  goToLine: 'Go to line',
} as const;

export type Labels = { readonly [K in keyof typeof EN]: string };

const JA: Labels = {
  title: 'gradviz プレイグラウンド',
  tagline: 'PyTorch のプログラムを書いて実行し、自動微分の計算グラフを見る。',
  example: '例題',
  run: '実行',
  runHint: 'Ctrl+Enter / ⌘+Enter',
  editorLabel: 'プログラム（PyTorch を使う Python）',
  output: '出力',
  noOutput: '（出力なし）',
  gradients: '勾配',
  noGradients: '勾配を持つテンソルはまだありません（backward() を呼んでください）。',
  name: '名前',
  shape: '形状',
  dtype: 'dtype',
  gradient: '勾配',
  graph: '計算グラフ',
  noGraph: '描くものがありません: grad_fn を持つテンソルがありません。',
  options: '描画オプション',
  style: 'スタイル',
  styleAnnotated: '注釈付き',
  styleTorchviz: 'torchviz',
  theme: 'テーマ',
  themeAuto: 'ページに合わせる',
  themeLight: 'ライト',
  themeDark: 'ダーク',
  direction: '向き',
  directionTB: '上から下',
  directionLR: '左から右',
  showValues: '値',
  showGrads: '勾配',
  zoomIn: '拡大',
  zoomOut: '縮小',
  zoomFit: '全体表示',
  graphHelp: 'ドラッグで移動、ホイールか +/− で拡大縮小、矢印キーで移動、0 で全体表示。ノードにポインタかフォーカスを当てると値と勾配が出ます。',
  forSlides: 'スライド用',
  downloadSvg: 'SVG を保存',
  downloadPng: 'PNG を保存',
  downloadDot: 'DOT を保存',
  imgSnippet: 'HTML <img>',
  mdSnippet: 'Markdown 画像',
  shareLink: '共有リンク',
  copy: 'コピー',
  copied: 'コピーしました。',
  copyFailed: 'テキストを選択して手でコピーしてください。',
  running: '実行中…',
  drawing: '描画中…',
  done: '完了。',
  failed: 'プログラムでエラーが発生しました。',
  requestFailed: 'サービスが応答しませんでした',
  line: '行',
  value: '値',
  sourceLine: '行',
  leaf: '葉',
  none: 'なし',
  node: 'ノード',
  goToLine: '行へ移動',
};

export type Lang = 'en' | 'ja';

export function pickLang(languages: readonly string[]): Lang {
  const first = languages.find((l) => /^(ja|en)\b/i.test(l));
  return first?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function labelsFor(lang: Lang): Labels {
  return lang === 'ja' ? JA : EN;
}

/** Fills every [data-i18n] element's text and [data-i18n-aria] element's aria-label. */
export function applyLabels(root: ParentNode, labels: Labels): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = labels[el.dataset.i18n as keyof Labels] ?? el.textContent;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria]')) {
    const text = labels[el.dataset.i18nAria as keyof Labels];
    if (text) {
      el.setAttribute('aria-label', text);
      el.title = text;
    }
  }
}
