epochs = 10
print("epochs: " + epochs)
