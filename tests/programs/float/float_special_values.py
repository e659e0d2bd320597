inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -nan)
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10**400)
print(float("-inf") < -1e308, inf == inf, -0.0 == 0.0)
print(-0.0, 0.0 * -1, repr(-0.0), str(-0.0), abs(-0.0))
import math
print(math.isnan(nan), math.isinf(-inf), math.isnan(inf))
