a = 1;
b = 'data \x4 bad';
