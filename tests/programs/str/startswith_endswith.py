name = "report_2024.csv"
print(name.startswith("report"), name.endswith(".csv"), name.endswith(".txt"))
print(name.startswith(("data", "rep")), name.endswith((".tsv", ".csv")))
print(name.startswith("2024", 7), name.endswith("report", 0, 6))
print("".startswith(""), "abc".startswith(""), "abc".endswith("abc"))
