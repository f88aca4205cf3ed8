a = 1;
b = "never closed;
c = 3;
