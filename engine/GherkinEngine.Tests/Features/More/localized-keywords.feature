# language: de
@localized
Funktionalität: Lokalisierte Schlüsselwörter

  Szenario: Deutsche Schritte
    Angenommen ein deutscher Ausgangszustand
    Wenn eine deutsche Aktion passiert
    Und eine weitere deutsche Aktion passiert
    Dann sind 2 deutsche Aktionen passiert
