if (a) {
  function f() { return 1; }
}
