data = {"a": [1, 2, 3], "b": {"c": "deep"}}
print(f"{data['a'][-1]} {data['b']['c'].upper()}")
print(f"{sum(data['a']) / len(data['a']):.3f}")
print(f"{'yes' if data else 'no'} {len(data):03d}")
print(f"{[x * 2 for x in data['a']]}")
print(f"{(lambda v: v + 1)(1)}")
x = 5
print(f"{x:>{x}}|{x * '*'}")
print(f"{x!r:>4}", f"{str(x) + 'a'!r}")
print(f"""multi
{x} line""")
