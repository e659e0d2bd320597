x = 1
# coding: bogus
# Line 2 declares only when line 1 is a comment.
print(x)
