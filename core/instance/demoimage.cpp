#include "instance/demoimage.h"

#include "host/transport.h"

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace cowherd::instance {

namespace {

constexpr int sectorSize = 512;
constexpr int signatureOffset = 510;
constexpr quint16 loadAddress = 0x7c00;

// Hand-assembled 16-bit real-mode code. The code only uses relative jumps and sets DS itself,
// so it runs whether the BIOS jumps to 0000:7c00 or 07c0:0000.
class Assembler
{
public:
    void put(std::initializer_list<quint8> bytes)
    {
        for (quint8 b : bytes)
            m_code.append(char(b));
    }
    void putWord(quint16 w) { put({quint8(w & 0xff), quint8(w >> 8)}); }
    qsizetype here() const { return m_code.size(); }
    // Emits a short jump opcode with a placeholder; patch it once the target is known.
    qsizetype jumpForward(quint8 opcode)
    {
        put({opcode, 0});
        return here() - 1;
    }
    void patchForward(qsizetype displacementAt) { m_code[displacementAt] = char(here() - (displacementAt + 1)); }
    void jumpBack(quint8 opcode, qsizetype target) { put({opcode, quint8(target - (here() + 2))}); }
    // mov dx, port; mov al, value; out dx, al
    void outByte(quint16 port, quint8 value)
    {
        put({0xba});
        putWord(port);
        put({0xb0, value, 0xee});
    }
    QByteArray &code() { return m_code; }

private:
    QByteArray m_code;
};

constexpr quint16 com1 = 0x3f8;

QByteArray assembleCode(qsizetype *messageAddressAt)
{
    Assembler a;
    a.put({0xfa}); // cli
    a.put({0x31, 0xc0}); // xor ax, ax
    a.put({0x8e, 0xd8}); // mov ds, ax
    a.put({0x8e, 0xc0}); // mov es, ax
    a.put({0x8e, 0xd0}); // mov ss, ax
    a.put({0xbc}); // mov sp, 0x7c00
    a.putWord(loadAddress);
    a.put({0xfb, 0xfc}); // sti; cld

    // 16550 UART on COM1: interrupts off, 115200 baud (divisor 1), 8N1, FIFO on, DTR+RTS.
    a.outByte(com1 + 1, 0x00);
    a.outByte(com1 + 3, 0x80);
    a.outByte(com1 + 0, 0x01);
    a.outByte(com1 + 1, 0x00);
    a.outByte(com1 + 3, 0x03);
    a.outByte(com1 + 2, 0xc7);
    a.outByte(com1 + 4, 0x03);

    a.put({0xbe}); // mov si, message
    *messageAddressAt = a.here();
    a.putWord(0);

    const qsizetype nextChar = a.here();
    a.put({0xac}); // lodsb
    a.put({0x84, 0xc0}); // test al, al
    const qsizetype toDone = a.jumpForward(0x74); // jz done
    a.put({0x88, 0xc1}); // mov cl, al
    a.put({0xba}); // mov dx, 0x3fd (line status)
    a.putWord(com1 + 5);
    const qsizetype waitTransmitter = a.here();
    a.put({0xec}); // in al, dx
    a.put({0xa8, 0x20}); // test al, 0x20 (transmitter holding register empty)
    a.jumpBack(0x74, waitTransmitter); // jz waitTransmitter
    a.put({0xba}); // mov dx, 0x3f8
    a.putWord(com1);
    a.put({0x88, 0xc8}); // mov al, cl
    a.put({0xee}); // out dx, al
    a.put({0x56}); // push si: some BIOSes clobber it in int 0x10
    a.put({0xb4, 0x0e}); // mov ah, 0x0e (teletype output)
    a.put({0x88, 0xc8}); // mov al, cl
    a.put({0xbb, 0x07, 0x00}); // mov bx, 0x0007 (page 0, light grey)
    a.put({0xcd, 0x10}); // int 0x10
    a.put({0x5e}); // pop si
    a.jumpBack(0xeb, nextChar); // jmp nextChar

    a.patchForward(toDone);
    a.put({0xfa}); // cli
    const qsizetype halt = a.here();
    a.put({0xf4}); // hlt
    a.jumpBack(0xeb, halt); // jmp halt (an NMI can wake hlt)
    return a.code();
}

qsizetype maximumLabelLength()
{
    qsizetype at = 0;
    const qsizetype codeSize = assembleCode(&at).size();
    // prefix + label + CR LF NUL must fit before the signature
    return signatureOffset - codeSize - qsizetype(sizeof(demoBannerPrefix) - 1) - 3;
}

} // namespace

QString demoLabelAsPrinted(const QString &label)
{
    QString printable;
    for (QChar c : label)
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            printable.append(c);
    return printable.left(maximumLabelLength());
}

QByteArray demoBootSector(const QString &label)
{
    qsizetype messageAddressAt = 0;
    QByteArray sector = assembleCode(&messageAddressAt);
    const quint16 messageAddress = quint16(loadAddress + sector.size());
    sector[messageAddressAt] = char(messageAddress & 0xff);
    sector[messageAddressAt + 1] = char(messageAddress >> 8);

    sector.append(demoBannerPrefix);
    sector.append(demoLabelAsPrinted(label).toLatin1());
    sector.append("\r\n", 2);
    sector.append('\0');
    Q_ASSERT(sector.size() <= signatureOffset);
    sector.append(QByteArray(sectorSize - sector.size(), '\0'));
    sector[signatureOffset] = char(0x55);
    sector[signatureOffset + 1] = char(0xaa);
    return sector;
}

Status writeDemoImage(host::Transport &transport, const QString &path, const QString &label, qint64 sizeMiB)
{
    if (sizeMiB < 1 || sizeMiB > 1024)
        return fail(u"A demo image must be between 1 and 1024 MiB, not %1 MiB."_s.arg(sizeMiB));
    auto writer = transport.createFile(path);
    if (!writer)
        return std::unexpected(writer.error());
    if (auto ok = (*writer)->write(demoBootSector(label)); !ok)
        return ok;
    const QByteArray zeros(1024 * 1024, '\0');
    qint64 left = sizeMiB * 1024 * 1024 - sectorSize;
    while (left > 0) {
        const qint64 n = std::min<qint64>(left, zeros.size());
        if (auto ok = (*writer)->write(QByteArrayView(zeros.constData(), n)); !ok)
            return ok;
        left -= n;
    }
    return (*writer)->commit();
}

} // namespace cowherd::instance
