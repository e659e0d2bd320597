# Precisions past the 65535 digits Rust's formatter accepts, and past any
# double's exact expansion: the digits are exact and the rest is zeros.
s = format(1.5, '.65536f')
print(len(s), s[:8], set(s[3:]))
s = '%.100000f' % 1.0
print(len(s), s[:5], s[-3:])
s = f'{1.5:.70000g}'
print(s)
s = format(1.5, '.65535e')
print(len(s), s[:6], s[-6:])
s = format(5e-324, '.2000e')
print(len(s), s[:30], s[-10:])
s = format(5e-324, '.1100f')
print(len(s), s[320:340], s.rstrip('0')[-10:])
s = format(2.0**-1074, '.70000f')
print(len(s), s.rstrip('0')[-12:])
s = '%.70000e' % 123.456
print(len(s), s[:20], s[-8:])
s = '%#.80000g' % 0.1
print(len(s), s[:60], s[-4:])
s = format(1e300, '.66000f')
print(len(s), s[:12], s[299:305])
print(format(1.5, '.99999%')[-3:])
try:
    format(1.5, '.2147483648f')
except ValueError as e:
    print('ValueError:', e)
