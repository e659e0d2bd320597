# a comment at the top

x = 1  # trailing comment
    # indented comment line is fine

# another comment
if x:
    # comment inside a block
    print("x is", x)  # prints
    # comment before dedent
print("done")  # end
s = "# not a comment"
print(s)
