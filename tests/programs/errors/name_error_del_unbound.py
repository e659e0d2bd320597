temporary_data = [1, 2]
print(temporary_data)
del temporary_data
print(temporary_data)
