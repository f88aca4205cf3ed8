a = 1;
if ("x" =~ "(unclosed") a = 2;
