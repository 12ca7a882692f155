// The node builds' export (the minimal runtime writes none for CommonJS): require() gives the
// factory, as the ES6 build's default export does for the page.
module.exports = createHipCheck;
