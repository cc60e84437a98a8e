count = 0

def step():
    count += 1
    return count

print("start")
step()
