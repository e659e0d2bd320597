nums = [5, 3, 8, 1, 9, 2]
c = nums.copy()
nums.sort()
print(nums, c)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
print(nums.sort(), nums.reverse(), nums)
c.clear()
print(c, len(c))
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len)
print(words)
