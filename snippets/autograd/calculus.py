# --8<-- [start:limit]
def f(x):
    return 3 * x * x - 4 * x


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


h = 0.1
for _ in range(5):
    print(f"h={h:.5f}, difference quotient={difference_quotient(f, 1.0, h):.5f}")
    h *= 0.1
# --8<-- [end:limit]

# --8<-- [start:small-h]
for h in [1e-5, 1e-8, 1e-10, 1e-12, 1e-14, 1e-16]:
    quotient = difference_quotient(f, 1.0, h)
    print(f"h={h:.0e}, difference quotient={quotient:.5f}, error={quotient - 2:.1e}")
print(1.0 + 1e-16 == 1.0)
# --8<-- [end:small-h]


# --8<-- [start:partial]
def g(x1, x2):
    return x1 * x1 + 2 * x2 * x2


x1, x2, h = 1.0, 1.0, 1e-6
d1 = difference_quotient(lambda t: g(t, x2), x1, h)
d2 = difference_quotient(lambda t: g(x1, t), x2, h)
print(f"[{d1:.4f}, {d2:.4f}]", [2 * x1, 4 * x2])
# --8<-- [end:partial]


# --8<-- [start:chain]
def u_of_x(x):
    return x * x + 1


def y_of_u(u):
    return u * u * u


x = 1.0
u = u_of_x(x)
chain = (3 * u * u) * (2 * x)
numerical = difference_quotient(lambda t: y_of_u(u_of_x(t)), x, 1e-6)
print(u, chain, f"{numerical:.4f}")
# --8<-- [end:chain]
