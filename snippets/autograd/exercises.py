# --8<-- [start:kink]
import torch

for value in [1.0, 0.0]:
    x = torch.tensor(value, requires_grad=True)
    y = torch.relu(x) - torch.relu(-x)
    y.backward()
    print(y.item() == x.item(), x.grad)
# --8<-- [end:kink]


# --8<-- [start:second-derivative]
def graph_nodes(fn, seen=None):
    seen = {} if seen is None else seen
    if fn is not None and fn not in seen:
        seen[fn] = fn.name()
        for next_fn, _ in fn.next_functions:
            graph_nodes(next_fn, seen)
    return list(seen.values())


x = torch.linspace(-1, 1, 5, dtype=torch.float64, requires_grad=True)
y = torch.exp(torch.sin(x))
(dy,) = torch.autograd.grad(y.sum(), x, create_graph=True)
(d2y,) = torch.autograd.grad(dy.sum(), x)
exact = (torch.cos(x) ** 2 - torch.sin(x)) * torch.exp(torch.sin(x))
print(graph_nodes(y.grad_fn))
print(graph_nodes(dy.grad_fn))
print(round((d2y - exact).abs().max().item(), 8))
# --8<-- [end:second-derivative]

# --8<-- [start:backward-twice]
x = torch.arange(4.0, requires_grad=True)
y = 2 * torch.dot(x, x)
mul = y.grad_fn
dot = mul.next_functions[0][0]
print(mul.name(), mul._saved_other)
print(dot.name(), dot._saved_self)
y.backward()
try:
    y.backward()
except RuntimeError as err:
    print(err)
# --8<-- [end:backward-twice]

# --8<-- [start:retain-graph]
x.grad.zero_()
y = 2 * torch.dot(x, x)
y.backward(retain_graph=True)
y.backward()
print(x.grad)
# --8<-- [end:retain-graph]

# --8<-- [start:sum-twice]
x.grad.zero_()
s = x.sum()
s.backward()
s.backward()
print(x.grad, s.grad_fn._saved_self_sym_sizes)
t = 2 * x.sum()
print(t.grad_fn.name(), t.grad_fn._saved_other)
t.backward()
try:
    t.backward()
except RuntimeError as err:
    print(str(err).split(" (")[0])
# --8<-- [end:sum-twice]
