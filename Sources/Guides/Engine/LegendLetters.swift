/// The letters typed for back, repeat, list, staff and quit on guide screens, in one language (from its catalog).
public typealias LegendLetters = [LegendKey: String]
