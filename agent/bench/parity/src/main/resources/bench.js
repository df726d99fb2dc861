// A small mixed JavaScript workload: recursion, string building, arrays, objects, closures and a tokenizer.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function tokenize(s) {
  var out = [], i = 0;
  while (i < s.length) {
    var c = s.charAt(i);
    if (c === ' ') { i++; continue; }
    if (c >= '0' && c <= '9') { var j = i; while (j < s.length && s.charAt(j) >= '0' && s.charAt(j) <= '9') j++; out.push(+s.substring(i, j)); i = j; continue; }
    out.push(c); i++;
  }
  return out;
}
function evalRpn(tokens) {
  var st = [];
  for (var k = 0; k < tokens.length; k++) {
    var t = tokens[k];
    if (typeof t === 'number') { st.push(t); continue; }
    var b = st.pop(), a = st.pop();
    switch (t) { case '+': st.push(a + b); break; case '-': st.push(a - b); break; case '*': st.push((a * b) % 1000003); break; default: st.push(a); }
  }
  return st.pop();
}
function sieve(n) {
  var flags = new Array(n + 1), count = 0;
  for (var i = 2; i <= n; i++) flags[i] = true;
  for (var p = 2; p <= n; p++) { if (flags[p]) { count++; for (var q = p * p; q <= n; q += p) flags[q] = false; } }
  return count;
}
function objects(n) {
  var m = {}, sum = 0;
  for (var i = 0; i < n; i++) { var key = 'k' + (i % 97); m[key] = (m[key] || 0) + i; }
  for (var k in m) sum = (sum + m[k]) % 1000000007;
  return sum;
}
function work(round) {
  var acc = fib(18 + (round % 3));
  var expr = '';
  for (var i = 0; i < 60; i++) expr += (i + round) + ' ' + (i % 7) + ' ' + (i % 2 ? '+ ' : '* ');
  acc += evalRpn(tokenize(expr + '0 +'));
  acc += sieve(5000 + round % 100);
  acc += objects(2000);
  var arr = [];
  for (var j = 0; j < 500; j++) arr.push((j * 7919 + round) % 1009);
  arr.sort(function (x, y) { return x - y; });
  return (acc + arr[250]) % 1000000007;
}
