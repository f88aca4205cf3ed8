# Every statement form of the NASL2 grammar.
include("misc_func.inc");
include('http_func.inc');

global_var g1, g2;

function add(a, b) {
  local_var sum;
  sum = a + b;
  return sum;
}

function nothing() {
}

function early(n) {
  if (n > 3) return;
  return n;
}

;
{ }
{ ; ; }

x = 1;
x += 2; x -= 1; x *= 3; x /= 2; x %= 5;
x <<= 1; x >>= 1; x >>>= 1;
x++; x--; ++x; --x;
arr[0] = "zero";
arr["key"] = 'value\n';
arr[x + 1] += 4;
arr[1]++;

if (x) y = 1;
if (x) y = 1; else y = 2;
if (x) { y = 1; } else if (y) { y = 2; } else { y = 3; }

for (i = 0; i < 10; i++) { if (i == 5) continue; if (i == 8) break; }
for (;i < 20;) i++;
for (i = 0; i < 3; add(a:1, b:2)) i++;
while (i > 0) i--;
repeat { i++; } until (i >= 3);
repeat i--; until i <= 0;
foreach item (make_list(1, 2, 3)) display(item);
foreach x (arr) { display(x); }

send(socket:soc, data:"ping") x 3;
add(a:1, b:2);
display("called with a positional ", "and a named arg", sep:"-");
exit(0);
