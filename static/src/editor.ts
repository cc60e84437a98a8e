/**
 * The CodeMirror 6 editor: Python highlighting (as tok-* classes, coloured by style.css so
 * dark mode is only CSS), Mod-Enter to run, and two line marks the page drives: the line of
 * the program's error and the source line of the hovered graph node. Tab is left to the
 * browser (no indentWithTab) so a keyboard user can move on from the editor.
 *
 * The editor lives in a shadow root: there CodeMirror's styles go into adopted style
 * sheets, which the page's CSP (style-src 'self', no 'unsafe-inline') allows, where in the
 * document it would add <style> elements that the CSP blocks. The page's CSS variables
 * (colours, dark mode) still reach it through the shadow boundary.
 */
import { python } from '@codemirror/lang-python';
import { syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension, Prec, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, keymap } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { basicSetup } from 'codemirror';

/** One marked line (1-based) with its CSS class; set by an effect, dropped on edits if asked. */
function lineMark(className: string, clearOnEdit: boolean) {
  const set = StateEffect.define<number | null>();
  const field = StateField.define<number | null>({
    create: () => null,
    update(line, tr) {
      for (const e of tr.effects) if (e.is(set)) return e.value;
      if (clearOnEdit && tr.docChanged) return null;
      return line;
    },
    provide: (f) =>
      EditorView.decorations.compute([f], (state) => {
        const line = state.field(f);
        if (line === null || line < 1 || line > state.doc.lines) return Decoration.none;
        return Decoration.set(Decoration.line({ class: className }).range(state.doc.line(line).from));
      }),
  });
  return { set, field };
}

const errorMark = lineMark('gv-error-line', true);
const hoverMark = lineMark('gv-hover-line', false);

export interface Editor {
  view: EditorView;
  text(): string;
  setText(text: string): void;
  markError(line: number | null): void;
  markHover(line: number | null): void;
  focusLine(line: number): void;
}

const mono = "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace";

const look = EditorView.theme({
  '&': { border: '1px solid var(--border)', borderRadius: '6px', maxHeight: 'var(--editor-max-height, 55vh)', fontSize: '14px', background: 'var(--panel)', color: 'var(--text)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: mono },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': { background: 'var(--code-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { background: 'transparent' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': { background: 'var(--selection)' },
  '.gv-error-line': { background: 'var(--error-line)', boxShadow: 'inset 3px 0 0 #dc2626' },
  '.gv-hover-line': { background: 'var(--hover-line)', boxShadow: 'inset 3px 0 0 var(--accent)' },
  '.tok-keyword': { color: 'var(--tok-keyword)' },
  '.tok-string, .tok-string2': { color: 'var(--tok-string)' },
  '.tok-number, .tok-bool, .tok-atom': { color: 'var(--tok-number)' },
  '.tok-comment': { color: 'var(--tok-comment)', fontStyle: 'italic' },
  '.tok-variableName.tok-definition, .tok-propertyName.tok-definition': { color: 'var(--tok-def)' },
  '.tok-className, .tok-typeName': { color: 'var(--tok-builtin)' },
  '.cm-tooltip, .cm-panels': { background: 'var(--panel)', color: 'var(--text)', borderColor: 'var(--border)' },
});

export function createEditor(host: HTMLElement, doc: string, onRun: () => void, label: string): Editor {
  const root = host.attachShadow({ mode: 'open' });
  const extensions: Extension[] = [
    look,
    basicSetup,
    python(),
    syntaxHighlighting(classHighlighter),
    errorMark.field,
    hoverMark.field,
    Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true) }])),
    EditorView.contentAttributes.of({ 'aria-label': label }),
    EditorState.tabSize.of(4),
  ];
  const view = new EditorView({ parent: root, root, doc, extensions });
  const lineStart = (line: number) => view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines)).from;
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: [errorMark.set.of(null), hoverMark.set.of(null)] });
    },
    markError(line) {
      const effects = [errorMark.set.of(line)];
      view.dispatch(line === null ? { effects } : { effects: [...effects, EditorView.scrollIntoView(lineStart(line), { y: 'center' })] });
    },
    markHover(line) {
      const effects = [hoverMark.set.of(line)];
      view.dispatch(line === null ? { effects } : { effects: [...effects, EditorView.scrollIntoView(lineStart(line), { y: 'nearest' })] });
    },
    focusLine(line) {
      view.dispatch({ selection: { anchor: lineStart(line) }, scrollIntoView: true });
      view.focus();
    },
  };
}
