import Foundation
import Testing
import NianbaoEngine
import NianbaoOffice

@Suite("Office: tables record")
struct TablesRecordTests {
    @Test func everyCellOfEverySampleSurvivesTheRoundTrip() throws {
        for name in OfficeFixtures.sampleNames {
            let report = try OfficeFixtures.report(name)
            let record = TablesRecord(report)
            let data = try JSONEncoder().encode(record)
            let back = try JSONDecoder().decode(TablesRecord.self, from: data)
            #expect(back == record, "\(name)")
            if let table2 = report.table2 {
                for (row, cells) in table2.rows {
                    for column in Applicant.allCases {
                        #expect(back.table2?[row, column] == cells[column.rawValue].count, "\(name) \(row) \(column)")
                    }
                }
            } else {
                #expect(back.table2 == nil)
            }
            if let table3 = report.table3 {
                for group in Table3Group.allCases {
                    for outcome in Table3Outcome.allCases {
                        #expect(back.table3?[group, outcome] == table3[group, outcome]?.count)
                    }
                }
            }
            #expect(back.table1?.blocks.map(\.item) == report.table1?.blocks.map(\.item))
        }
    }

    @Test func theJSONShapeUsesTheEngineKeys() throws {
        let record = TablesRecord(try OfficeFixtures.report("000_fb640ca0b162b3d7.txt"))
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any])
        #expect(object["template"] as? String == "2021")
        let table2 = try #require(object["table2"] as? [String: [String: Any]])
        #expect(table2.count == 25)
        #expect(table2["withheldThirdParty"]?["naturalPerson"] as? Int == 2)
        #expect(table2["total"]?["total"] as? Int == 2)
        #expect(Set(table2["received"]?.keys.map { $0 } ?? []) == Set(Applicant.allCases.map(\.key)))
        let table3 = try #require(object["table3"] as? [String: [String: Any]])
        #expect(Set(table3.keys) == ["review", "suitDirect", "suitAfterReview"])
        #expect(table3["review"]?.count == 5)
        let table1 = try #require(object["table1"] as? [[String: Any]])
        #expect(table1.first?["item"] as? Int == 1)
        #expect((table1.first?["columns"] as? [String]) == ["本年制发件数", "本年废止件数", "现行有效件数"])
    }

    @Test func blanksAreNullAndAmountsDecimal() throws {
        // 上海 2019 leaves zero cells blank; 洪泽 2023 charges 7730.28 万元.
        let shanghai = TablesRecord(try OfficeFixtures.report("shanghai_shizhengfu_bangongting_2019.txt"))
        let json = String(decoding: try JSONEncoder().encode(shanghai), as: UTF8.self)
        #expect(json.contains("null"))
        #expect(shanghai.table2?.rows.values.contains { $0.contains(nil) } == true)
        let hongze = TablesRecord(try OfficeFixtures.report("huaian_hongze_2023.txt"))
        let fee = hongze.table1?.blocks.first { $0.item == 8 }?.rows.first?.cells.first
        #expect(fee == .decimal(7730.28))
        let back = try JSONDecoder().decode(TablesRecord.self, from: JSONEncoder().encode(hongze))
        #expect(back.table1?.blocks.first { $0.item == 8 }?.rows.first?.cells.first == .decimal(7730.28))
        #expect(TableNumber.decimal(0.1) + .decimal(0.2) == .decimal(0.3))
        #expect(TableNumber.integer(Int.max) + .integer(1) == .integer(Int.max))
        #expect(TableNumber.decimal(0.5) + .decimal(0.5) == .integer(1))
        // 上海's 采购总金额 "251000元" is a whole amount: an integer, as JSON would read it back.
        #expect(shanghai.table1?.blocks.last?.rows.last?.cells.last == .integer(251000))
    }

    @Test func aReportWithoutTablesHasNulls() throws {
        let record = TablesRecord(try OfficeFixtures.report("pingtan_2021.txt"))
        #expect(record.table1 == nil && record.table2 == nil && record.table3 == nil && !record.isComplete)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any])
        #expect(object["table2"] is NSNull && object.count == 4)
    }
}

@Suite("Office: stable JSON")
struct OfficeJSONTests {
    @Test func theSameValueGivesTheSameBytes() throws {
        let record = TablesRecord(try OfficeFixtures.report("huaian_hongze_2024.txt"))
        let first = try OfficeJSON.text(record, pretty: false)
        for _ in 0..<5 {
            #expect(try OfficeJSON.text(TablesRecord(try OfficeFixtures.report("huaian_hongze_2024.txt")), pretty: false) == first)
        }
        // Sorted keys: table1 before table2, carriedForward before carriedOver.
        let table1 = try #require(first.range(of: "\"table1\""))
        let table2 = try #require(first.range(of: "\"table2\""))
        #expect(table1.lowerBound < table2.lowerBound)
        let forward = try #require(first.range(of: "\"carriedForward\""))
        let over = try #require(first.range(of: "\"carriedOver\""))
        #expect(forward.lowerBound < over.lowerBound)
    }
}
