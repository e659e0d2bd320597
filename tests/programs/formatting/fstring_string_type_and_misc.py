s = "abc"
print(f"[{s:s}]", f"[{s:10s}]", f"[{s:>10s}]", f"[{s:.1s}]")
print("[{:s}]".format("xyz"), "[{:^9s}]".format("mid"))
print(f"{'a' 'b'}", f"{'x' + 'y'!r:>6}")
n = 7
print(f"{n:3d}|{n:<3d}|{n:^5d}|{n:+3d}|{-n:3d}")
print(f"{n:#06x}", f"{n:#b}", f"{n:08.3f}")
print(f"{'€':*^5}", f"{'日本':>4}|")
print(f"{1_000_000:,d}", f"{0.1:.1%}", f"{1/8:.3}")
