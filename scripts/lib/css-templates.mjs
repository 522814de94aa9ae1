// Minifies the CSS inside Lit's css`...` templates at build time (lit ships it as written: comments, indentation and
// all). A TypeScript transformer, so tsc's source maps stay right; used by scripts/build.mjs, and through the npm
// build's output by the CDN builds too.
//
// The minification is deliberately small and safe: comments dropped, whitespace collapsed, and no space kept around
// `{ } ; , >` or after `:`. Quoted strings are left as they are, and so is a template with a backslash (its cooked
// and raw text differ).

/** Minifies one static part of a css`` template; `first`/`last` say whether it starts or ends the template. */
export function minifyCssPart(text, { first = true, last = true } = {}) {
  // Split off quoted strings (odd indexes) so that only CSS outside them is touched.
  const pieces = text.split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/);
  let out = pieces
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
    )
    .join('')
    .replace(/;}/g, '}');
  if (first) out = out.replace(/^ /, '');
  if (last) out = out.replace(/ $/, '');
  return out;
}

/** The raw text of a template part, without its delimiters (`` ` ``, `${`, `}`). */
function rawOf(ts, node) {
  const text = node.getText();
  if (ts.isNoSubstitutionTemplateLiteral(node)) return text.slice(1, -1);
  if (ts.isTemplateHead(node)) return text.slice(1, -2);
  if (ts.isTemplateMiddle(node)) return text.slice(1, -2);
  return text.slice(1, -1); // tail
}

/** A `before` transformer for `program.emit()` that minifies every css`` tagged template. */
export function cssTemplateTransformer(ts) {
  return context => {
    const f = context.factory;
    const visit = node => {
      if (
        ts.isTaggedTemplateExpression(node) &&
        ts.isIdentifier(node.tag) &&
        node.tag.text === 'css' &&
        !node.template.getText().includes('\\')
      ) {
        const t = node.template;
        let template;
        if (ts.isNoSubstitutionTemplateLiteral(t)) {
          const raw = minifyCssPart(rawOf(ts, t));
          template = f.createNoSubstitutionTemplateLiteral(raw, raw);
        } else {
          const head = minifyCssPart(rawOf(ts, t.head), { last: false });
          const spans = t.templateSpans.map((span, i) => {
            const last = i === t.templateSpans.length - 1;
            const raw = minifyCssPart(rawOf(ts, span.literal), { first: false, last });
            const literal = last ? f.createTemplateTail(raw, raw) : f.createTemplateMiddle(raw, raw);
            return f.createTemplateSpan(ts.visitNode(span.expression, visit), literal);
          });
          template = f.createTemplateExpression(f.createTemplateHead(head, head), spans);
        }
        return f.updateTaggedTemplateExpression(node, node.tag, node.typeArguments, template);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return sourceFile => ts.visitNode(sourceFile, visit);
  };
}
