for i in range(3):
# only a comment
print(i)
