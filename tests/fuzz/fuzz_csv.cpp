// libFuzzer target: the CSV reader and the roster import on arbitrary bytes.
#include "exchange/csvreader.h"
#include "exchange/rostercsv.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<cp::CsvReader::Record> records;
    QString error;
    cp::CsvReader::parse(bytes, &records, &error);
    QList<cp::Person> people;
    QList<cp::Department> departments;
    if (cp::RosterCsv::detect(bytes) == cp::RosterCsv::Kind::Departments) {
        if (cp::RosterCsv::readDepartments(bytes, &departments, &error))
            cp::RosterCsv::writeDepartments(departments);
    } else if (cp::RosterCsv::readPeople(bytes, &people, &error)) {
        cp::RosterCsv::writePeople(people);
    }
    return 0;
}
