def main():
    print("main running")
    raise SystemExit(4)
try:
    main()
finally:
    print("finally runs before exit")
