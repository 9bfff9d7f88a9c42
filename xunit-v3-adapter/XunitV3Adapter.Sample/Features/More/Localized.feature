# language: de
Funktionalität: Rechner auf Deutsch
  Szenario: Zwei Zahlen addieren
    Angenommen a calculator
    Wenn I add 1 and 1
    Dann the result is 2
