# Operators, precedence, literals.
a = 1 + 2 * 3 - 4 / 2 % 3;
b = 2 ** 3 ** 2;
c = -a + ~b - !a;
d = (a || b) && !c;
e = a | b ^ c & d;
f = (a << 2) >> 1;
g = a >>> 1;
h = a == b; h = a != b; h = a < b; h = a > b; h = a <= b; h = a >= b;
i = "abc" >< "xabcx";
j = "abc" >!< "def";
k = "Banner" =~ "^ban";
l = "Banner" !~ 'x[0-9]+';
m = 0x1F + 017 + 08 + 0;
n = 192.168.0.1;
o = [1, "two", '3', "k" => "v", 'k2' => 4];
p = (q = 5) + 1;
r = s = t = 7;
u = arr[i + 1] + arr["k"];
v = f(a:b, c) + g();
w = "pure \n stays two characters";
x = 'data \x41\x42 \t \r \\ \' \" \0';
y = "multi
line";
z = x;
x = 3;
if (!isnull(z) && (a > 0 || b < 0) && a == b) display("ok");
