# --8<-- [start:data]
import torch
from torch.utils import data

torch.manual_seed(0)


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 1000)
# --8<-- [end:data]


# --8<-- [start:load-array]
def load_array(data_arrays, batch_size, is_train=True, seed=0):
    dataset = data.TensorDataset(*data_arrays)
    generator = torch.Generator().manual_seed(seed)
    return data.DataLoader(dataset, batch_size, shuffle=is_train, generator=generator)


batch_size = 10
data_iter = load_array((features, labels), batch_size)
X, y = next(iter(data_iter))
print(X.shape, y.shape, len(data_iter), "batches")
# --8<-- [end:load-array]

# --8<-- [start:model]
from torch import nn

net = nn.Sequential(nn.Linear(2, 1))
print(net)
print(net[0].weight.shape, net[0].bias.shape)
# --8<-- [end:model]

# --8<-- [start:init]
torch.manual_seed(1)
net[0].weight.data.normal_(0, 0.01)
net[0].bias.data.fill_(0)
print(net[0].weight.data, net[0].bias.data)

torch.manual_seed(1)
nn.init.normal_(net[0].weight, mean=0, std=0.01)
nn.init.zeros_(net[0].bias)
print(net[0].weight.data, net[0].bias.data)
# --8<-- [end:init]

# --8<-- [start:loss]
loss = nn.MSELoss()
y_hat = torch.tensor([[2.5], [0.0]])
y = torch.tensor([[3.0], [1.0]])
print(loss(y_hat, y), ((y_hat - y) ** 2 / 2).mean())
# --8<-- [end:loss]

# --8<-- [start:optimizer]
trainer = torch.optim.SGD(net.parameters(), lr=0.03)
group = trainer.param_groups[0]
print("lr", group["lr"], "for", len(group["params"]), "tensors")
# --8<-- [end:optimizer]

# --8<-- [start:train]
num_epochs = 3
for epoch in range(num_epochs):
    for X, y in data_iter:
        batch_loss = loss(net(X), y)
        trainer.zero_grad()
        batch_loss.backward()
        trainer.step()
    with torch.no_grad():
        train_loss = loss(net(features), labels)
    print(f"epoch {epoch + 1}, loss {train_loss:f}")
# --8<-- [end:train]

# --8<-- [start:result]
w = net[0].weight.data
b = net[0].bias.data
print("error in w:", true_w - w.reshape(true_w.shape))
print("error in b:", true_b - b)
# --8<-- [end:result]


# --8<-- [start:mse-vs-half]
def half_mean_loss(y_hat, y):
    return ((y_hat - y) ** 2 / 2).mean()


X, y = next(iter(load_array((features, labels), batch_size)))
probe = nn.Linear(2, 1)
for name, loss_fn in (("MSELoss ", nn.MSELoss()), ("1/2 mean", half_mean_loss)):
    probe.zero_grad()
    loss_fn(probe(X), y).backward()
    print(name, probe.weight.grad, probe.bias.grad)


def fit(loss_fn, lr, num_steps=20):
    torch.manual_seed(1)
    model = nn.Linear(2, 1)
    nn.init.normal_(model.weight, mean=0, std=0.01)
    nn.init.zeros_(model.bias)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    batches = iter(load_array((features, labels), batch_size))
    for _ in range(num_steps):
        X, y = next(batches)
        optimizer.zero_grad()
        loss_fn(model(X), y).backward()
        optimizer.step()
    return torch.cat([model.weight.data.flatten(), model.bias.data])


runs = {
    "MSELoss, lr=0.03": fit(nn.MSELoss(), 0.03),
    "1/2 mean, lr=0.06": fit(half_mean_loss, 0.06),
    "1/2 mean, lr=0.03": fit(half_mean_loss, 0.03),
}
for name, params in runs.items():
    print(f"{name:18}", params.numpy().round(5))
# --8<-- [end:mse-vs-half]
