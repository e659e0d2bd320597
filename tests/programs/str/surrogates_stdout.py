# Writing a lone surrogate to stdout with a strict error handler (the test harness
# sets PYTHONIOENCODING=utf-8, which means strict) raises UnicodeEncodeError with
# CPython's message, and nothing of that piece is written; what print wrote before it
# stays. stderr writes surrogates as \udcff (backslashreplace).
import sys
print('to stderr: \ud800', 'x\udcffy', file=sys.stderr)
sys.stderr.write('\udc80\n')
for text in ['ab\udcff\ud800\ud801c', 'ab\ud800c', '\udfff']:
    try:
        print(text)
    except UnicodeEncodeError as e:
        print('error:', e)
try:
    sys.stdout.write('ab\ud800c')
except UnicodeEncodeError as e:
    print('error:', e)
try:
    print('a', 'b', '\udc80', 'c')
except UnicodeEncodeError as e:
    print('| error:', e)
print('sep', 'end', sep='\ud800', end='\n')
