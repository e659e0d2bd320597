class Detailed(Exception):
    def __str__(self):
        return "detailed message with " + str(len(self.args)) + " args"
raise Detailed(1, 2, 3)
