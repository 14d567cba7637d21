// fuzz_write_image_seeds DIR: generates the test image corpus (good and hostile images) in DIR
// and prints one path per line; fuzz/make-seeds.sh turns them into seeds.
// fuzz_write_image_seeds --listing-script INSTANCES | --probe-script PATH...: prints the remote
// scan's (or probe's) shell script, which make-seeds.sh runs with sh to get real answers.
#include "imagecorpus.h"

#include "host/remotelisting.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream err(stderr);
    if (arguments.size() >= 3 && arguments.at(1) == u"--listing-script") {
        cowherd::host::ListOptions options;
        options.baseHeadBytes = 4096;
        options.diskHeadBytes = 1024;
        QTextStream(stdout) << QString::fromUtf8(cowherd::host::cacheListingScript(arguments.at(2), options));
        return 0;
    }
    if (arguments.size() >= 3 && arguments.at(1) == u"--probe-script") {
        QTextStream(stdout) << QString::fromUtf8(cowherd::host::probeScript(arguments.mid(2), 4096));
        return 0;
    }
    if (arguments.size() != 2) {
        err << "usage: fuzz_write_image_seeds DIRECTORY\n";
        return 2;
    }
    cowherd::test::ImageCorpus corpus(arguments.at(1));
    if (!corpus.generate()) {
        err << "fuzz_write_image_seeds: " << corpus.errorString() << '\n';
        return 1;
    }
    QTextStream out(stdout);
    for (const cowherd::test::CorpusImage &image : corpus.images())
        out << image.path << '\n';
    return 0;
}
