export default { printWidth: 120, singleQuote: true, trailingComma: 'none', arrowParens: 'avoid' };
