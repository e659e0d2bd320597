import sys
for i in range(3):
    print("line", i)
sys.stdout.write("no newline at end")
x = undefined_variable
