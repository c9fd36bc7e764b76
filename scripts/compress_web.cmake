# Writes precompressed copies next to the web build's shell files (issue #13): x.br (brotli -q 11, Debian's
# `brotli`) and x.gz (gzip -9). `thidua serve` sends the best one the request's Accept-Encoding allows; Apache and
# static hosts can do the same (docs/deploy.md). A copy older than its file is ignored by the server.
# Usage: cmake -DWEB=<build/web> -DBROTLI=<path or empty> [-DNAMES=a;b] -P compress_web.cmake
if(NOT NAMES)
    set(NAMES index.html start.html thidua.js thidua.wasm sync-worker.js sw.js manifest.webmanifest icon.svg)
endif()
foreach(name ${NAMES})
    set(file "${WEB}/${name}")
    if(NOT EXISTS "${file}")
        continue()
    endif()
    if(BROTLI)
        execute_process(COMMAND "${BROTLI}" -f -n -q 11 -o "${file}.br" "${file}" RESULT_VARIABLE rc)
        if(rc)
            message(FATAL_ERROR "brotli failed on ${file}")
        endif()
        # brotli -n (no copied time) writes the copy readable by its owner only: a web server running as another
        # user (Apache's www-data) then answers 403.
        file(CHMOD "${file}.br" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
    endif()
    execute_process(COMMAND gzip -9 -n -c "${file}" OUTPUT_FILE "${file}.gz" RESULT_VARIABLE rc)
    if(rc)
        message(FATAL_ERROR "gzip failed on ${file}")
    endif()
endforeach()
