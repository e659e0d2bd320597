data = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data))
print(sorted("banana"))
print(sorted([3, 1, 2], reverse=True))
words = ["Banana", "apple", "Cherry", "date"]
print(sorted(words), sorted(words, key=str.lower))
lst = [5, 2, 8, 1]
lst.sort()
print(lst)
by_len = ["ccc", "a", "bb", "dd", "e", "fff"]
by_len.sort(key=len, reverse=True)
print(by_len)
print(sorted({3: "a", 1: "b"}), sorted((2, 1)))
