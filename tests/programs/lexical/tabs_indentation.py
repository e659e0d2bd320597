exec_like = 0
if True:
	print("tab indented")
	if exec_like == 0:
		print("two tabs")
	for i in range(2):
		print("loop", i)
def f(x):
	return x * 3
print(f(4))
class C:
	def m(self):
		return "method"
print(C().m())
